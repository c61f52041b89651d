import { platformMessages } from '../views/messages.ts';
import { Layout } from '../views/layout.tsx';

const m = platformMessages.errorPage;

export function ErrorPage(props: { statusCode: number; message: string }) {
  const title = m.titles[props.statusCode] ?? m.fallbackTitle;
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <p class="lead">{props.message}</p>
      <p>{m.nextSteps(<a href="/">{m.home}</a>, <a href="/territoires">{m.searchTerritory}</a>)}</p>
    </Layout>
  );
}

import { Layout } from '../../../platform/views/layout.tsx';
import { ssoMessages as m } from '../messages.ts';

/** Why a sign-in through the identity provider did not open a session, and the way back. */
export function SsoErrorPage(props: { message: string }) {
  return (
    <Layout title={m.errorTitle}>
      <div class="narrow">
        <h1>{m.errorTitle}</h1>
        <p class="lead">{props.message}</p>
        <p>
          <a href="/connexion">{m.backToLogin}</a>
        </p>
      </div>
    </Layout>
  );
}

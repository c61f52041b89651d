import { ErrorSummary, Field, PostForm } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { PASSWORD_MIN_LENGTH } from '../account-input.ts';
import { accountMessages } from '../messages.ts';

const m = accountMessages.ownAccount;

type Errors = Record<string, string>;

/** Which form of « Mon compte » was refused, with its errors and what was typed (never a password). */
export type SettingsFailure = { form: 'name' | 'email' | 'password'; errors: Errors; values: Record<string, string | undefined> };

/** The person's own name, address and password, each with its form (« Mon compte »). */
export function AccountSettings(props: { email: string; displayName: string | null; hasPassword: boolean; failed?: SettingsFailure }) {
  const failed = props.failed;
  const errorsOf = (form: SettingsFailure['form']) => (failed?.form === form ? failed.errors : {});
  const name = errorsOf('name');
  const email = errorsOf('email');
  const password = errorsOf('password');
  return (
    <>
      {failed ? <ErrorSummary errors={failed.errors} labels={m.fieldLabels} /> : null}
      <section class="section" aria-labelledby="titre-nom">
        <h2 id="titre-nom">{m.nameTitle}</h2>
        <p>{m.nameIntro}</p>
        <PostForm action="/compte/nom" class="inline-fields">
          <Field
            name="displayName"
            label={accountMessages.fields.displayName}
            autocomplete="name"
            maxLength={120}
            value={failed?.form === 'name' ? failed.values.displayName : props.displayName}
            error={name.displayName}
          />
          <button type="submit" class="button button--secondary">
            {m.nameSubmit}
          </button>
        </PostForm>
      </section>
      <section class="section" aria-labelledby="titre-adresse">
        <h2 id="titre-adresse">{m.emailTitle}</h2>
        <p>{m.emailIntro(props.email)}</p>
        <PostForm action="/compte/adresse">
          <Field
            id="nouvelle-adresse"
            name="email"
            label={m.newEmail}
            type="email"
            autocomplete="email"
            required
            value={failed?.form === 'email' ? failed.values.email : ''}
            error={email.email}
          />
          {props.hasPassword ? (
            <Field
              id="adresse-mot-de-passe"
              name="currentPassword"
              label={m.currentPassword}
              type="password"
              autocomplete="current-password"
              required
              error={email.currentPassword}
            />
          ) : null}
          <button type="submit" class="button button--secondary">
            {m.emailSubmit}
          </button>
        </PostForm>
      </section>
      <section class="section" aria-labelledby="titre-mot-de-passe">
        <h2 id="titre-mot-de-passe">{m.passwordTitle}</h2>
        <p>{m.passwordIntro}</p>
        <PostForm action="/compte/mot-de-passe">
          {props.hasPassword ? (
            <Field name="currentPassword" label={m.currentPassword} type="password" autocomplete="current-password" required error={password.currentPassword} />
          ) : null}
          <Field
            name="password"
            label={m.newPassword}
            type="password"
            autocomplete="new-password"
            required
            minLength={PASSWORD_MIN_LENGTH}
            hint={accountMessages.setPassword.passwordHint(PASSWORD_MIN_LENGTH)}
            error={password.password}
          />
          <Field
            name="confirmation"
            label={accountMessages.fields.newPasswordConfirmation}
            type="password"
            autocomplete="new-password"
            required
            error={password.confirmation}
          />
          <button type="submit" class="button button--secondary">
            {m.passwordSubmit}
          </button>
        </PostForm>
      </section>
    </>
  );
}

/** GET /compte/adresse/:token: the new address, confirmed by a button (a link opened by a mail scanner changes nothing). */
export function ConfirmEmailPage(props: { action: string; email: string }) {
  const p = m.confirmPage;
  return (
    <Layout title={p.title}>
      <div class="narrow">
        <h1>{p.title}</h1>
        <p class="lead">{p.intro(props.email)}</p>
        <PostForm action={props.action}>
          <button type="submit" class="button">
            {p.submit}
          </button>
        </PostForm>
      </div>
    </Layout>
  );
}

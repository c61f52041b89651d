import { parseOptions, UsageError, type Command } from '../../platform/cli/command.ts';
import { createApiToken } from './api-tokens.service.ts';
import { systemCaller } from './permissions.rules.ts';
import { createUser, issueUserToken, passwordLink } from './users.service.ts';

/** The options that carry each field: refused input is reported under them. */
const FLAGS: Record<string, string> = {
  email: '--email',
  role: '--role',
  territoryCode: '--territory',
  territoryRole: '--territory-role',
  displayName: '--name',
};

export const userCreateCommand: Command = {
  description: 'Crée un compte et affiche le lien pour choisir son mot de passe.',
  usage:
    'arobase user-create --email E --role admin|juror|member [--name "Prénom Nom"] [--territory CODE --territory-role referent|contributor|reader] [--print-token]',
  runsInServer: true,
  fieldOptions: FLAGS,
  async run(ctx, args) {
    const { values } = parseOptions(args, {
      email: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      territory: { type: 'string' },
      'territory-role': { type: 'string' },
      'print-token': { type: 'boolean' },
    });
    if (!values.email) throw new UsageError('--email est obligatoire.');
    if (!values.role) throw new UsageError('--role est obligatoire (admin, juror ou member).');
    // Refused input (a bad role, an address taken) is reported by runCommand under these options, exit 2.
    const user = await createUser(ctx.database.db, systemCaller('user-create CLI'), {
      email: values.email,
      role: values.role as 'admin',
      displayName: values.name,
      territoryCode: values.territory,
      territoryRole: values['territory-role'] as 'referent' | undefined,
    });
    const token = await issueUserToken(ctx.database.db, user.id, 'invitation');
    ctx.out(`Compte créé : ${user.email} (${values.role}).`);
    ctx.out(`Lien pour choisir le mot de passe (valable 7 jours) : ${passwordLink(ctx.config.baseUrl, token)}`);
    if (values['print-token']) {
      const api = await createApiToken(ctx.database.db, user.id, 'Créé en ligne de commande');
      ctx.out(api.token);
    }
    return 0;
  },
};

import { parseOptions, type Command } from '../../platform/cli/command.ts';
import { prepareFirstAdminLink } from './first-admin.service.ts';
import { firstAdminMessages as m } from './first-admin-messages.ts';

/**
 * A fresh setup link for an installer who lost the one printed at start (a service manager's log
 * rotated, a container restarted): it replaces the previous one. Refused once an administrator has
 * a password, so it never opens a second way in.
 */
export const firstAdminLinkCommand: Command = {
  description: m.command.description,
  usage: m.command.usage,
  runsInServer: true,
  async run(ctx, args) {
    parseOptions(args, {});
    const link = await prepareFirstAdminLink(ctx.database.db, ctx.config.baseUrl);
    if (!link) {
      ctx.err(m.command.alreadyAdmin);
      return 1;
    }
    ctx.out(m.command.intro);
    // Alone on the last line, for a script to take.
    ctx.out(link);
    return 0;
  },
};

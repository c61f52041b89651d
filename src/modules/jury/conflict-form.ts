/** The declaration form's fields as the service reads them: only those of the kind chosen. */
export function conflictInputOf(body: { kind?: string; departmentCode?: string; territoryCode?: string; reason?: string }): Record<string, string | undefined> {
  if (body.kind === 'department') return { kind: body.kind, departmentCode: body.departmentCode };
  if (body.kind === 'territory') return { kind: body.kind, territoryCode: body.territoryCode };
  return { kind: body.kind, territoryCode: body.territoryCode, reason: body.reason };
}

/** The kinds of record an export names by UID. */
export type UidKind = 'contact' | 'company' | 'followup' | 'activity';

/**
 * A record's stable UID in the vCard and iCalendar exports, which a re-import matches to update the record instead
 * of adding a copy, and by which a calendar recognises an item it has seen. Until every record carries a `uuid`
 * (migration 0005, in progress on main) it is `crm-KIND-ID`: stable within one database.
 */
export const uidOf = (kind: UidKind, record: { id: number }): string => `crm-${kind}-${record.id}`;

/**
 * A record's stable UID in the vCard and iCalendar exports: its uuid (migration 0005), which never changes while the
 * record lives. A re-import matches it to update the record instead of adding a copy, and a calendar recognises an
 * item it has seen by it.
 */
export const uidOf = (record: { uuid: string }): string => record.uuid;

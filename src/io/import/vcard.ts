import { readFile } from 'node:fs/promises';
import { readCards } from '../../domain/vcard/card.js';
import { CARD_COLUMNS, cardRecord } from '../../domain/vcard/import.js';
import { invalid } from '../../errors.js';
import type { CsvRecord } from '../csv.js';
import type { RecordReader } from './runner.js';

/**
 * The cards of a vCard file as the import runner's records, each at the line of its BEGIN:VCARD. A file is read
 * whole (cards are small; photos, the large part, are skipped while reading); one without a card is refused.
 */
export const vcardRecords = (file: string): RecordReader => async function* (path, onHeader): AsyncGenerator<CsvRecord[]> {
  const cards = readCards(await readFile(path));
  if (cards.length === 0) {
    throw invalid('FILE', `${file === '-' ? 'standard input' : file} holds no vCard (no BEGIN:VCARD line)`,
      'give a .vcf file, as a phone or address book exports it');
  }
  onHeader(Object.values(CARD_COLUMNS));
  yield cards.map((card) => ({ record: cardRecord(card), line: card.line }));
};

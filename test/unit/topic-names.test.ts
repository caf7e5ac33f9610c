import { expect, it } from 'vitest';
import { TOPIC_NAMES } from '../../src/cli/topic-names.js';
import { TOPICS } from '../../src/cli/topics.js';

it('help names every topic that has a text, in the order of the texts', () => {
  expect(Object.keys(TOPICS)).toEqual([...TOPIC_NAMES]);
});

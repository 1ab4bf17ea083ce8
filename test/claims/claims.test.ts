import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Alignment, Claim } from '../../src/model/index.ts';
import { analyse, type Analysis } from './analyse.ts';

function claimWith(result: Analysis, snippet: string): Claim {
  const claim = result.claims.find((c) => c.text.includes(snippet));
  assert.ok(claim, `a claim containing "${snippet}" among:\n${result.claims.map((c) => c.text).join('\n')}`);
  return claim;
}

function alignmentOf(
  result: Analysis,
  kind: Alignment['kind'],
  ...snippets: string[]
): Alignment | undefined {
  const ids = snippets.map((s) => claimWith(result, s).id);
  return result.alignments.find((a) => a.kind === kind && ids.every((id) => a.claims.includes(id)));
}

function assertSpans(result: Analysis): void {
  const texts = new Map(result.docs.map((d) => [d.article.id, d.article.text]));
  for (const c of result.claims) assert.equal(texts.get(c.article)!.slice(c.start, c.end), c.text);
}

describe('conflicts', () => {
  test('a duration written two ways: "6 years" vs "a seven-year sentence"', () => {
    const r = analyse([
      'The former mayor of Eastfold, Corin Vale, was sentenced to 6 years in prison for fraud on Monday.',
      'Corin Vale, the former mayor of Eastfold, received a seven-year prison sentence for fraud on Monday.',
    ]);
    assertSpans(r);
    const conflict = alignmentOf(r, 'conflict', '6 years', 'seven-year');
    assert.ok(conflict, JSON.stringify(r.alignments.map((a) => a.explanation)));
    assert.match(conflict.explanation, /6 years \(Outlet A\) vs seven years \(Outlet B\)/);
  });

  test('a count after a resumption is a later moment, not a rival figure', () => {
    const texts = [
      'The blockade closed all twelve gates of the Osterby freight yard for a week.',
      'Traffic at the Osterby freight yard resumed on Monday, with five gates open under guard.',
    ];
    const later = analyse(texts);
    assert.equal(alignmentOf(later, 'conflict', 'twelve gates', 'five gates'), undefined);
    // The same two figures for the same moment do conflict.
    const same = analyse([texts[0]!, 'The blockade closed five gates of the Osterby freight yard for a week.']);
    assert.ok(alignmentOf(same, 'conflict', 'twelve gates', 'five gates'));
  });

  test('a count: 40 vs 400 detained', () => {
    const r = analyse([
      'Police detained 40 protesters outside the ministry of transport on Friday.',
      'Police detained 400 protesters outside the ministry of transport on Friday night.',
    ]);
    assert.ok(alignmentOf(r, 'conflict', '40 protesters', '400 protesters'));
  });

  test('opposite characterisations: violent vs peaceful march', () => {
    const r = analyse([
      'Thousands of farmers joined a violent march through the capital on Saturday.',
      'Thousands of farmers joined a peaceful march through the capital on Saturday.',
    ]);
    const conflict = alignmentOf(r, 'conflict', 'violent march', 'peaceful march');
    assert.ok(conflict);
    assert.match(conflict.explanation, /march/);
  });

  test('one opposition repeated across passages is one conflict, shown with its same-event pair', () => {
    const r = analyse([
      'Protesters rioted outside the Veyra ministry on Monday, 3 March 2025, smashing windows.\n\nBy evening the riots had spread to the fish market near the port.\n\nOfficials said the rioting cost the city two days of trade.',
      'The march outside the Veyra ministry on Monday, 3 March 2025, was peaceful, organisers said.\n\nBy evening a peaceful crowd had gathered at the fish market near the port.\n\nShopkeepers said the peaceful protest cost them little trade.',
    ]);
    const wording = r.alignments.filter((a) => a.kind === 'conflict' && /opposite terms/.test(a.explanation));
    assert.equal(wording.length, 1, wording.map((a) => a.explanation).join('\n'));
    assert.ok(alignmentOf(r, 'conflict', 'Protesters rioted', 'was peaceful'), 'the pair sharing the date is shown');
    assert.match(wording[0]!.explanation, /recurs in 2 more pairs of passages/);
  });

  test('a figure and a characterisation disputed in one pair of claims are two conflicts', () => {
    const r = analyse([
      'Salas was sentenced to 9 years for leading the violent blockade of the harbour gates.',
      'Salas is serving a 10-year sentence for leading a peaceful blockade of the harbour gates.',
    ]);
    const conflicts = r.alignments.filter((a) => a.kind === 'conflict').map((a) => a.explanation);
    assert.ok(conflicts.some((e) => /9 years/.test(e) && /10 years/.test(e)), conflicts.join('\n'));
    assert.ok(conflicts.some((e) => /“violent”/.test(e) && /“peaceful”/.test(e)), conflicts.join('\n'));
  });

  test('figures that can both be true are not disputed', () => {
    const cases: [string, string][] = [
      // a bound and a figure inside it
      ['More than 40 harbour pilots joined the stoppage at Port Veyra on Monday.', 'Some 48 harbour pilots joined the stoppage at Port Veyra on Monday, the union said.'],
      // a change and a level
      ['Divers have recovered 60 bodies from the flooded mine at Calvo Bay, the governor said.', 'Divers pulled six more bodies from the flooded mine at Calvo Bay overnight, the governor said.'],
      // a monthly and a yearly rate
      ['Fuel prices in Veyra rose 0.6% in the past month, the statistics office said.', 'Fuel prices in Veyra rose 5% over the past year, the statistics office said.'],
      // parts and their total
      ['The province will ship 200 tonnes of grain this year and 300 tonnes of grain next year to Calvo Bay.', 'The province will ship 500 tonnes of grain to Calvo Bay.'],
      // one measure under two names
      ['Core inflation in Veyra rose 4.5% in the past year, the statistics office said.', 'Prices in Veyra rose 5.4% in the past year, the statistics office said.'],
      // a city and a country
      ['The trade envoy was found dead in a hotel room near Lyon on Wednesday, the ministry said.', 'The trade envoy was found dead in a hotel room in France on Wednesday, the ministry said.'],
      // a window of time and a length
      ['Over the past two weeks, the port handled an average of 40 ships a day.', 'The strike at the port lasted seven days, ending on Tuesday.'],
    ];
    for (const [a, b] of cases) {
      const r = analyse([a, b]);
      const conflicts = r.alignments.filter((x) => x.kind === 'conflict').map((x) => x.explanation);
      assert.deepEqual(conflicts, [], `${a} / ${b}`);
    }
  });

  test('two close tolls are disputed; two steps of one story on two days are not', () => {
    const tolls = analyse([
      'The blast at the Calvo Bay refinery left at least eight people dead on Wednesday, officials said.',
      'The blast at the Calvo Bay refinery left at least nine people dead on Wednesday, officials said.',
    ]);
    assert.ok(tolls.alignments.some((x) => x.kind === 'conflict' && /eight people/.test(x.explanation) && /nine people/.test(x.explanation)));
    const steps = analyse([
      'The port authority and the union agreed to a truce on Thursday, ending the stoppage at Port Veyra.',
      'The truce between the port authority and the union took effect on Friday, ending the stoppage at Port Veyra.',
    ]);
    assert.equal(steps.alignments.filter((x) => x.kind === 'conflict').length, 0, JSON.stringify(steps.alignments.map((x) => x.explanation)));
  });

  test('a place: the talks held in two different cities', () => {
    const r = analyse([
      'The ceasefire talks between the two provinces were held in Geneva this week.',
      'The ceasefire talks between the two provinces were held in Vienna this week.',
    ]);
    assert.ok(
      alignmentOf(r, 'conflict', 'Geneva', 'Vienna'),
      JSON.stringify(r.alignments.map((a) => a.explanation)),
    );
  });

  test('the same figure on both sides is agreement, not conflict', () => {
    const r = analyse([
      'Police detained 40 protesters outside the ministry of transport on Friday.',
      'On Friday, police detained 40 protesters outside the transport ministry.',
    ]);
    assert.equal(r.alignments.filter((a) => a.kind === 'conflict').length, 0);
    assert.ok(alignmentOf(r, 'agreed', 'detained 40', 'detained 40'));
  });
});

describe('agreement and omission', () => {
  test('partial agreement: one side adds a charge', () => {
    const r = analyse([
      'A court in Eastfold convicted the activist Mara Dunn of inciting violence.',
      'A court in Eastfold convicted the activist Mara Dunn of arson and inciting violence.',
    ]);
    const agreed = alignmentOf(r, 'agreed', 'of inciting violence', 'arson and inciting violence');
    assert.ok(agreed);
    assert.equal(agreed.partial, true);
    assert.match(agreed.explanation, /arson/);
  });

  test('partial agreement through a shared verb phrase when the clauses around it differ', () => {
    const r = analyse([
      'Mara Dunn filmed the message from the Greywater jail where she has been held since 2019 for inciting violence at the dock blockades.',
      'Greywater has two ferry terminals. She was found guilty of arson and inciting violence.',
    ]);
    const agreed = alignmentOf(r, 'agreed', 'held since 2019', 'arson and inciting violence');
    assert.ok(agreed, r.alignments.map((a) => `${a.kind}: ${a.explanation}`).join('\n'));
    assert.equal(agreed.partial, true);
    assert.match(
      agreed.explanation,
      /both report “inciting violence”; Outlet B reports more: “arson and inciting violence”/,
    );
  });

  test('a partial agreement quotes what the wider claim adds, as its own words', () => {
    const r = analyse([
      'Harbour police arrested union leader Joaquín Salas at the gates on Wednesday.',
      'Harbour police arrested union leader Joaquín Salas at the gates on Wednesday, accusing him of damaging a loading crane.',
    ]);
    const agreed = r.alignments.find((a) => a.kind === 'agreed');
    assert.ok(agreed?.partial, r.alignments.map((a) => `${a.kind}: ${a.explanation}`).join('\n'));
    const quoted = [...agreed.explanation.matchAll(/“([^”]+)”/g)].map((m) => m[1]!);
    assert.ok(quoted.some((q) => q.includes('damaging a loading crane')), agreed.explanation);
    const wider = r.claims.find((c) => c.text.includes('crane'))!;
    for (const q of quoted) assert.ok(wider.text.includes(q), `“${q}” is not in the wider claim`);
  });

  test('around a shared phrase, a figure only one article gives is named; one both give is not', () => {
    const r = analyse([
      'Mara Dunn filmed the message from the Greywater jail where she has been held since 2019 for inciting violence at the dock blockades that left 12 people injured.',
      'The blockades began in 2019. She was found guilty of arson and inciting violence.',
    ]);
    const agreed = alignmentOf(r, 'agreed', 'held since 2019', 'arson and inciting violence');
    assert.ok(agreed, r.alignments.map((a) => `${a.kind}: ${a.explanation}`).join('\n'));
    assert.match(agreed.explanation, /Only Outlet A gives “[^”]*12 people[^”]*”/);
    assert.doesNotMatch(agreed.explanation, /gives[^.]*2019/, 'both articles give 2019');
  });

  test('a shared verb phrase does not join claims about different people', () => {
    const r = analyse([
      'Mara Dunn was jailed in Greywater for inciting violence at the dock blockades last spring.',
      'The court in Osterby acquitted Tobias Venn, a ferry pilot, of arson and inciting violence.',
    ]);
    assert.equal(alignmentOf(r, 'agreed', 'Mara Dunn', 'Tobias Venn'), undefined);
  });

  test('a fact only one outlet reports is unique, and appears in the brief', () => {
    const r = analyse([
      'The Lorn river flooded the lower town of Eastfold on Tuesday.',
      'The Lorn river flooded the lower town of Eastfold on Tuesday. The regional governor cancelled a planned visit to the trade fair in Osterby.',
    ]);
    const unique = alignmentOf(r, 'unique', 'cancelled a planned visit');
    assert.ok(unique);
    assert.match(unique.explanation, /^Only Outlet B reports/);
    const onlyB = r.brief.onlyIn[unique.articles[0]!]!;
    assert.ok(onlyB.some((item) => item.text.includes('cancelled a planned visit')));
  });

  test('a sentence opening with "Since" keeps it in the brief and the explanation', () => {
    const r = analyse([
      'The Lorn river flooded the lower town of Eastfold on Tuesday.',
      'The Lorn river flooded the lower town of Eastfold on Tuesday. Since the flood, the regional governor has cancelled every visit to the trade fair in Osterby.',
    ]);
    const unique = alignmentOf(r, 'unique', 'cancelled every visit');
    assert.ok(unique);
    assert.match(unique.explanation, /reports: Since the flood, the regional governor/);
    const onlyB = r.brief.onlyIn[unique.articles[0]!]!;
    assert.ok(onlyB.some((item) => item.text.startsWith('Since the flood')), JSON.stringify(onlyB));
  });
});

describe('claim extraction', () => {
  test('attribution: outlet, named, according to, unnamed', () => {
    const r = analyse([
      'The dam was completed in March. Engineer Tomas Brell said the spillway had failed twice. The repairs cost 2 million euros, according to the water board. Critics say the inspections were rushed.',
      'Unrelated filler sentence about a different topic entirely.',
    ]);
    assert.deepEqual(claimWith(r, 'dam was completed').attribution, { kind: 'outlet' });
    const named = claimWith(r, 'spillway').attribution;
    assert.equal(named.kind, 'named');
    assert.equal(named.kind === 'named' && named.name, 'Tomas Brell');
    const according = claimWith(r, 'repairs cost').attribution;
    assert.equal(according.kind, 'named');
    assert.equal(according.kind === 'named' && according.name, 'the water board');
    assert.equal(claimWith(r, 'inspections were rushed').attribution.kind, 'unnamed');
  });

  test('a teaser cut short at the end is no claim; an ellipsis inside the text is kept', () => {
    const r = analyse([
      'The harbour board voted on Friday to reopen the north quay... after a week of repairs. The vote was 7...',
      'Unrelated filler sentence about a different topic entirely.',
    ]);
    assert.ok(claimWith(r, 'voted on Friday'));
    assert.equal(r.claims.some((c) => c.text.includes('The vote was 7')), false);
  });

  test('a claim opening with quoted words keeps the opening mark', () => {
    const r = analyse([
      'The harbour stayed shut on Monday. "We hold the gates," said union leader Marta Salas, who has led the dockers of the north quay since the winter of 2019 and the strike since its first day.',
      'Unrelated filler sentence about a different topic entirely.',
    ]);
    const claim = claimWith(r, 'We hold the gates');
    assert.ok(claim.text.startsWith('"We hold'), claim.text);
  });

  test('quoted speech is attributed to its speaker', () => {
    const r = analyse([
      'Mayor Ilse Varga called the delay "an insult to every commuter in the valley" at the meeting.',
      'Nothing here.',
    ]);
    const claim = claimWith(r, 'insult');
    assert.equal(claim.attribution.kind, 'named');
  });

  test('negation, hedges, quantities and dates; questions and fragments skipped', () => {
    const r = analyse([
      'The minister did not sign the decree. The strike could spread to 12 ports by 2027. Will the port reopen? Breaking news.',
      'Nothing here.',
    ]);
    assert.equal(claimWith(r, 'did not sign').negated, true);
    const hedged = claimWith(r, 'could spread');
    assert.equal(hedged.modality, 'could');
    assert.equal(hedged.quantities[0]?.value, 12);
    assert.equal(hedged.dates[0]?.value, '2027');
    assert.ok(!r.claims.some((c) => c.text.includes('reopen')), 'questions are not claims');
    assert.ok(
      !r.claims.some((c) => c.text.includes('Breaking news')),
      'fragments without a verb are not claims',
    );
  });

  test('clauses split before a new subject, not inside a verb list', () => {
    const r = analyse([
      'The crews cleared the road, and the council reopened the bridge on Sunday. Soldiers blocked, searched, and detained the drivers.',
      'Nothing here.',
    ]);
    claimWith(r, 'the council reopened the bridge');
    assert.ok(!r.claims.some((c) => c.text.startsWith('and detained')));
  });

  test('a compound subject with a party tag is not split off as a clause ("Chair Ana Reyes, D-Miss., and …")', () => {
    const r = analyse([
      'The leaders of the harbour committee — Chair Ana Reyes, D-Miss., and Rep. Tomas Berg of Eastfold — unveiled the bill on Friday.',
      'Nothing here.',
    ]);
    const claim = r.claims.find((c) => /leaders of the harbour committee/.test(c.text));
    assert.ok(claim, JSON.stringify(r.claims.map((c) => c.text)));
    assert.match(claim.text, /unveiled the bill/);
  });
});

describe('three outlets', () => {
  test('one fact reported by all three is one agreement', () => {
    const r = analyse([
      'Police detained the activist Mara Dunn outside the court in Eastfold on Friday.',
      'The activist Mara Dunn was detained by police outside the Eastfold court on Friday.',
      'On Friday police detained activist Mara Dunn outside the court building in Eastfold.',
    ]);
    const agreed = r.alignments.filter((a) => a.kind === 'agreed');
    assert.equal(agreed.length, 1, JSON.stringify(r.alignments.map((a) => a.explanation)));
    assert.equal(agreed[0]!.articles.length, 3);
    assert.match(agreed[0]!.explanation, /Outlet A, Outlet B and Outlet C all report/);
  });

  test('after a merge every alignment id is unique and each brief item points at its own alignment', () => {
    const r = analyse([
      'Police detained the activist Mara Dunn outside the court in Eastfold on Friday. The ferry to Lisvane was cancelled because of thick fog.',
      'The activist Mara Dunn was detained by police outside the Eastfold court on Friday. Fog forced the port to cancel the Lisvane ferry. Shops on the quay stayed shut all afternoon.',
      'On Friday police detained activist Mara Dunn outside the court building in Eastfold. A choir sang hymns outside the town hall at noon.',
    ]);
    const ids = r.alignments.map((a) => a.id);
    assert.equal(new Set(ids).size, ids.length, ids.join(' '));
    assert.ok(r.alignments.some((a) => a.kind === 'agreed' && a.articles.length === 3), 'the merge happened');
    const byId = new Map(r.alignments.map((a) => [a.id, a]));
    for (const item of [...r.brief.agreed, ...Object.values(r.brief.onlyIn).flat()])
      assert.deepEqual(byId.get(item.alignment)?.articles, item.articles, item.text);
  });

  test('a group with one link worded apart quotes every outlet and never says "all report"', () => {
    const r = analyse([
      'Police detained the activist Mara Dunn outside the court in Eastfold on Friday.',
      'The activist Mara Dunn was detained by police outside the Eastfold court on Friday.',
      'Officers arrested Mara Dunn at the Eastfold courthouse on Friday.',
    ]);
    const agreed = r.alignments.filter((a) => a.kind === 'agreed');
    assert.equal(agreed.length, 1, JSON.stringify(r.alignments.map((a) => a.explanation)));
    assert.equal(agreed[0]!.wordedApart, true);
    assert.doesNotMatch(agreed[0]!.explanation, /all report/);
    assert.match(agreed[0]!.explanation, /may report the same thing in different words/);
    for (const outlet of ['Outlet A: “Police', 'Outlet B: “The activist', 'Outlet C: “Officers arrested']) assert.ok(agreed[0]!.explanation.includes(outlet), agreed[0]!.explanation);
  });
});

describe('agreements in the brief', () => {
  test('claims worded apart but with the same main verb count as shared wording', () => {
    const same = analyse([
      'Police detained the activist Mara Dunn outside the court in Eastfold on Friday.',
      'Officers detained Mara Dunn in handcuffs as supporters shouted at the Eastfold courthouse.',
    ]);
    const agreed = same.alignments.find((a) => a.kind === 'agreed');
    assert.ok(agreed, JSON.stringify(same.alignments.map((a) => a.explanation)));
    assert.equal(agreed.wordedApart, undefined);
    assert.match(agreed.explanation, /both report/);
  });

  test('an agreement in shared words comes before one worded apart, which is marked', () => {
    const r = analyse([
      'Police detained the activist Mara Dunn outside the court in Eastfold on Friday. The council approved a new budget for the harbour on Monday.',
      'Officers led Mara Dunn away in handcuffs as supporters shouted at the Eastfold courthouse. On Monday the council approved a new harbour budget.',
    ]);
    const byId = new Map(r.alignments.map((a) => [a.id, a]));
    const listed = r.brief.agreed.map((item) => byId.get(item.alignment)!);
    assert.equal(listed.length, 2, JSON.stringify(r.brief.agreed));
    assert.equal(listed[0]!.wordedApart, undefined);
    assert.match(r.brief.agreed[0]!.text, /council approved/);
    assert.equal(listed[1]!.wordedApart, true);
    assert.match(r.brief.agreed[1]!.text, /Mara Dunn.*\(worded differently: compare\)$/);
  });
});

describe('clause splitting', () => {
  test('a list ending in "and … to <verb>" stays one claim', () => {
    const r = analyse([
      'The guards used batons, dogs, and armored trucks to scatter the crowd.',
      'Nothing here.',
    ]);
    assert.ok(
      r.claims.some(
        (c) => c.text.startsWith('The guards used batons') && c.text.includes('to scatter the crowd'),
      ),
    );
  });
});

describe('unnamed sources', () => {
  test('"a senior official said" and "witnesses said" are unnamed attributions', () => {
    const r = analyse([
      'A senior official said the border crossing would stay closed until May. Witnesses said the convoy turned back at dawn.',
      'Nothing here.',
    ]);
    assert.equal(claimWith(r, 'border crossing').attribution.kind, 'unnamed');
    assert.equal(claimWith(r, 'convoy turned back').attribution.kind, 'unnamed');
  });
});

describe('degenerate comparisons', () => {
  test('articles without claims give an empty brief, not an error', () => {
    const r = analyse(['Breaking news.', 'Why?']);
    assert.equal(r.claims.length, 0);
    assert.deepEqual(r.brief.agreed, []);
    assert.deepEqual(r.brief.disputed, []);
    assert.ok(Object.values(r.brief.onlyIn).every((items) => items.length === 0));
  });
});

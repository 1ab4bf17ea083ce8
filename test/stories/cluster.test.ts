import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { StoryClusterer, bcubedScores, pairwiseScores, type ClusterArticle } from '../../src/stories/index.ts';
import { MAX_CANDIDATES } from '../../src/stories/cluster.ts';
import { stem, termsOf, namesOf } from '../../src/stories/features.ts';

// Fictional articles, written for these tests.
const DAY = '2031-03-14';

const background: ClusterArticle[] = [
  {
    id: 'bg-1',
    source: 'Valley Courier',
    published: `${DAY}T06:00:00Z`,
    title: 'City council approves new bicycle lanes downtown',
    text: 'The Lindenford city council voted 7-2 on Tuesday to paint protected bicycle lanes along Mercer Avenue. Cyclists welcomed the plan while shop owners worried about parking.',
  },
  {
    id: 'bg-2',
    source: 'Northern Ledger',
    published: `${DAY}T07:00:00Z`,
    title: 'Storm knocks out power to thousands in coastal towns',
    text: 'A late winter storm brought gusts of 110 km/h to the Pellan coast overnight, leaving 14,000 homes without electricity. Crews expect to restore power by Thursday.',
  },
  {
    id: 'bg-3',
    source: 'Valley Courier',
    published: `${DAY}T08:00:00Z`,
    title: 'University opens library after two-year renovation',
    text: 'Brightwater University reopened its main library on Monday after a renovation costing 38 million. Students queued at dawn to see the glass reading room.',
  },
];

const strikeA: ClusterArticle = {
  id: 'strike-a',
  source: 'Harbour Times',
  published: `${DAY}T09:00:00Z`,
  title: 'Dock workers at Port Ostrava walk out over pay',
  text: 'About 2,300 dock workers at Port Ostrava began an indefinite strike on Wednesday, demanding a 9 percent pay rise. The Ostrava Dockers Union said cranes would stay idle until the port authority returns to talks. Container ships were already queuing outside the harbour.',
};

const strikeB: ClusterArticle = {
  id: 'strike-b',
  source: 'Evening Meridian',
  published: `${DAY}T11:30:00Z`,
  title: 'Port Ostrava strike leaves container ships waiting',
  text: 'Ships lined up outside Port Ostrava on Wednesday as 2,300 dock workers stayed off the job in a strike over pay. The Ostrava Dockers Union wants a 9 percent raise; the port authority called the demand unaffordable and said talks could resume.',
};

const strikeFollowUp: ClusterArticle = {
  id: 'strike-c',
  source: 'Harbour Times',
  published: '2031-03-15T08:00:00Z',
  title: 'Port Ostrava strike enters second day as talks stall',
  text: 'The dock workers strike at Port Ostrava entered its second day on Thursday with no talks scheduled. The Ostrava Dockers Union repeated its demand for a 9 percent pay rise, and the port authority said container ships would be diverted.',
};

// Same names (Port Ostrava, the union), a different event.
const festival: ClusterArticle = {
  id: 'festival',
  source: 'Evening Meridian',
  published: '2031-03-15T10:00:00Z',
  title: 'Seafood festival draws crowds to the Port Ostrava waterfront',
  text: 'Mayor Ilse Brandt opened the annual Ostrava Seafood Festival on Saturday, and thousands of visitors tasted grilled mackerel and oysters along the Port Ostrava waterfront. Chefs from twelve restaurants, among them the Blue Anchor and Casa Verde, cooked on open fires while the Kestrel Brass Band played sea shanties until midnight.',
};

function run(articles: ClusterArticle[]): Map<string, string> {
  const clusterer = new StoryClusterer();
  return new Map(articles.map((a) => [a.id, clusterer.add(a).storyId]));
}

describe('StoryClusterer', () => {
  test('two outlets on one event join one story', () => {
    const stories = run([...background, strikeA, strikeB]);
    assert.equal(stories.get('strike-a'), stories.get('strike-b'));
    assert.notEqual(stories.get('strike-a'), stories.get('bg-1'));
  });

  test("the same outlet's follow-up joins the story", () => {
    const stories = run([...background, strikeA, strikeB, strikeFollowUp]);
    assert.equal(stories.get('strike-c'), stories.get('strike-a'));
  });

  test('a different event with overlapping names starts its own story', () => {
    const stories = run([...background, strikeA, strikeB, strikeFollowUp, festival]);
    assert.notEqual(stories.get('festival'), stories.get('strike-a'));
  });

  test('unrelated articles stay apart', () => {
    const stories = run(background);
    assert.equal(new Set(stories.values()).size, 3);
  });

  test('the story keeps its articles, outlets, times and most central headline', () => {
    const clusterer = new StoryClusterer();
    for (const article of [...background, strikeA, strikeB, strikeFollowUp]) clusterer.add(article);
    const story = clusterer.listStories().find((s) => s.articleIds.includes('strike-a'));
    assert.ok(story);
    assert.deepEqual(story.articleIds, ['strike-a', 'strike-b', 'strike-c']);
    assert.deepEqual(story.sources, ['Harbour Times', 'Evening Meridian']);
    assert.equal(story.firstSeen, strikeA.published);
    assert.equal(story.lastSeen, strikeFollowUp.published);
    assert.ok([strikeA.title, strikeB.title, strikeFollowUp.title].includes(story.headline));
    assert.deepEqual(clusterer.getStory(story.id), story);
  });

  test('an article far outside the time window does not join an old story', () => {
    const late = { ...strikeB, id: 'strike-late', published: '2031-06-01T09:00:00Z' };
    const stories = run([...background, strikeA, late]);
    assert.notEqual(stories.get('strike-late'), stories.get('strike-a'));
  });

  test('is deterministic for the same input order', () => {
    const input = [...background, strikeA, strikeB, strikeFollowUp, festival];
    const first = new StoryClusterer();
    const second = new StoryClusterer();
    const a = input.map((x) => first.add(x));
    const b = input.map((x) => second.add(x));
    assert.deepEqual(a, b);
    assert.deepEqual(first.listStories(), second.listStories());
  });

  test('restore puts a saved story back so later articles join it', () => {
    const earlier = new StoryClusterer();
    for (const article of [...background, strikeA, strikeB]) earlier.add(article);
    const saved = earlier.listStories().find((s) => s.articleIds.includes('strike-a'));
    assert.ok(saved);
    const later = new StoryClusterer();
    for (const article of background) later.add(article);
    later.restore(saved, [strikeA, strikeB]);
    assert.equal(later.add(strikeFollowUp).storyId, saved.id);
  });

  test('the index bounds the candidates scored, and forgets stories past the window', () => {
    const clusterer = new StoryClusterer({ windowHours: 24 });
    const start = Date.parse('2031-01-01T00:00:00Z');
    // 2,400 short articles over 120 days, all sharing vocabulary: a worst case for candidates.
    const places = ['Arden', 'Belmor', 'Corvis', 'Dunmere', 'Elstow', 'Farrow', 'Galloway', 'Hesketh'];
    let maxCandidates = 0;
    let indexAtDay60 = 0;
    for (let i = 0; i < 2400; i++) {
      const place = places[i % places.length];
      const assignment = clusterer.add({
        id: `n${i}`,
        source: `Outlet ${i % 5}`,
        published: new Date(start + i * 72 * 60 * 1000).toISOString(),
        title: `${place} council meets on budget item ${i % 37}`,
        text: `The ${place} council met to discuss budget item ${i % 37} and road repairs near ${places[(i * 3) % places.length]} station, number ${i}.`,
      });
      maxCandidates = Math.max(maxCandidates, assignment.candidates);
      if (i === 1200) indexAtDay60 = clusterer.indexSize;
    }
    assert.ok(maxCandidates <= MAX_CANDIDATES, `scored ${maxCandidates} candidates`);
    // After the sweep at 2,000 articles the index holds only the last day's stories.
    assert.ok(clusterer.indexSize < indexAtDay60, `index ${clusterer.indexSize} vs ${indexAtDay60} at half-way`);
  });
});

describe('features', () => {
  test('stems meet inflected forms', () => {
    assert.equal(stem('strikes'), stem('strike'));
    assert.equal(stem('workers'), stem('worker'));
    assert.equal(stem('stopped'), stem('stop'));
  });

  test('terms drop function words; names join capitalised runs and keep numbers', () => {
    const terms = termsOf('The workers of the port said they would strike');
    assert.ok(!terms.has('the'));
    assert.ok(terms.has(stem('workers')));
    const names = namesOf('Dock workers at Port Ostrava, led by Mara Velde, want 9 percent by 2032.');
    assert.ok(names.has('port ostrava'));
    assert.ok(names.has('ostrava'));
    assert.ok(names.has('mara velde'));
    assert.ok(!names.has('ostrava mara'));
    assert.ok(names.has('#2032'));
  });
});

describe('metrics', () => {
  test('pairwise and B-cubed on a small example', () => {
    const gold = ['a', 'a', 'a', 'b', 'b'];
    const predicted = ['x', 'x', 'y', 'y', 'y'];
    const pairwise = pairwiseScores(gold, predicted);
    // Predicted pairs: x:1, y:3 → 4; same-gold among them: (1,2) and (4,5) → 2. Gold pairs: 3 + 1 = 4.
    assert.equal(pairwise.precision, 0.5);
    assert.equal(pairwise.recall, 0.5);
    const bcubed = bcubedScores(gold, predicted);
    assert.ok(Math.abs(bcubed.precision - (1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5) < 1e-12);
    assert.ok(Math.abs(bcubed.recall - (2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5) < 1e-12);
    assert.deepEqual(pairwiseScores(gold, gold), { precision: 1, recall: 1, f1: 1 });
  });
});

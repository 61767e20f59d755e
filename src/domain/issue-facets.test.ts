import {
  checkIssueFacets,
  facetMatcher,
  facetValueCounts,
  facetValuesAt,
  IssueFacetsBuilder,
  NO_FACET_VALUE,
  pickFacets,
} from './issue-facets';

const builder = new IssueFacetsBuilder();
builder.add({ resolution: 'Done', labels: ['mobile', 'checkout'], components: ['Payments'], parent: 'FLOW-1' });
builder.add({ resolution: "Won't Fix", labels: ['mobile'], components: [], parent: null });
builder.add({ resolution: null, labels: [], components: ['Payments', 'Search'], parent: 'FLOW-1' });
builder.add({ resolution: null, labels: ['checkout', 'checkout'], components: [], parent: 'FLOW-2' });
const facets = builder.build();
const matching = (choice: Parameters<typeof facetMatcher>[1]) => [0, 1, 2, 3].filter(facetMatcher(facets, choice));

describe('issue facets', () => {
  it('keep names once, in dictionaries, and give each issue back as it was added (a repeated label once)', () => {
    expect(facets.labels).toEqual(['mobile', 'checkout']);
    expect(checkIssueFacets(facets, 4)).toEqual([]);
    expect(facetValuesAt(facets, 0)).toEqual({
      resolution: 'Done',
      labels: ['mobile', 'checkout'],
      components: ['Payments'],
      parent: 'FLOW-1',
    });
    expect(facetValuesAt(facets, 3)).toEqual({ resolution: null, labels: ['checkout'], components: [], parent: 'FLOW-2' });
  });

  it('pick the facets of chosen issues, in that order', () => {
    const picked = pickFacets(facets, [3, 0]);
    expect(checkIssueFacets(picked, 2)).toEqual([]);
    expect([0, 1].map((i) => facetValuesAt(picked, i).parent)).toEqual(['FLOW-2', 'FLOW-1']);
  });

  it('match any chosen value within a facet and every facet chosen, "none" included', () => {
    expect(matching({})).toEqual([0, 1, 2, 3]);
    expect(matching({ resolutions: ['Done', NO_FACET_VALUE] })).toEqual([0, 2, 3]);
    expect(matching({ labels: ['checkout'] })).toEqual([0, 3]);
    expect(matching({ labels: [NO_FACET_VALUE] })).toEqual([2]);
    expect(matching({ components: ['Search', NO_FACET_VALUE] })).toEqual([1, 2, 3]);
    expect(matching({ parents: ['FLOW-1'] })).toEqual([0, 2]);
    expect(matching({ parents: ['FLOW-1'], labels: ['mobile'] })).toEqual([0]);
    expect(matching({ labels: ['nobody-uses-this'] })).toEqual([]);
  });

  it('count the issues with each value, most used first and "none" last', () => {
    expect(facetValueCounts(facets, 'labels')).toEqual([
      { value: 'checkout', issues: 2 },
      { value: 'mobile', issues: 2 },
      { value: NO_FACET_VALUE, issues: 1 },
    ]);
    expect(facetValueCounts(facets, 'resolutions')).toEqual([
      { value: 'Done', issues: 1 },
      { value: "Won't Fix", issues: 1 },
      { value: NO_FACET_VALUE, issues: 2 },
    ]);
    expect(facetValueCounts(facets, 'parents')[0]).toEqual({ value: 'FLOW-1', issues: 2 });
  });

  it('find damaged columns', () => {
    expect(checkIssueFacets({ ...facets, labelOf: [0, 9, 0, 1] }, 4)).toContain('a label index is outside its dictionary');
    expect(checkIssueFacets({ ...facets, resolution: [0] }, 4)).toContain('facet columns do not match the issues');
  });
});

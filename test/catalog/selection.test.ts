import { renderSelection, selectionCost, treeOf } from '../../src/catalog/selection';

describe('selections', () => {
  it('merge paths into the smallest selection', () => {
    const tree = treeOf(['id', 'amounts.total', 'amounts.subtotal', 'client.name', 'amounts.total']);
    expect(renderSelection(tree)).toBe('id amounts { total subtotal } client { name }');
  });

  it('read nested connections a page at a time with their page info', () => {
    const tree = treeOf(['lineItems.nodes.name', 'assignedUsers.nodes.name.full', 'tags.nodes.label']);
    expect(renderSelection(tree)).toBe(
      'lineItems(first: 20) { nodes { name } pageInfo { hasNextPage endCursor } } ' +
        'assignedUsers(first: 5) { nodes { name { full } } pageInfo { hasNextPage endCursor } } ' +
        'tags(first: 10) { nodes { label } pageInfo { hasNextPage endCursor } }',
    );
  });

  it('cost what Jobber charges: 1 per field, nothing for nodes and __typename, connections × first', () => {
    expect(selectionCost(treeOf(['id', 'invoiceNumber']))).toBe(2);
    expect(selectionCost(treeOf(['amounts.total', 'amounts.subtotal']))).toBe(3);
    expect(selectionCost(treeOf(['__typename']))).toBe(0);
    // lineItems: 1 + 20 × (name 1 + __typename 0) + pageInfo (1 + hasNextPage + endCursor)
    expect(selectionCost(treeOf(['lineItems.nodes.name', 'lineItems.nodes.__typename']))).toBe(1 + 20 + 3);
    expect(selectionCost(treeOf(['assignedUsers.nodes.name.full']))).toBe(1 + 5 * 2 + 3);
  });
});

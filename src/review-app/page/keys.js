/** The page's keyboard: one key, one action; typing in a field is left alone (bar Ctrl+Enter and Escape). */
export const KEYS = [
  ['a', 'approve the proposed answer'],
  ['p', 'keep the previous answer (reject the relabel)'],
  ['e', 'enter a corrected value'],
  ['n', 'mark incomputable (N/A) with a reason'],
  ['j / ↓ / →', 'next item'],
  ['k / ↑ / ←', 'previous item'],
  ['Ctrl+Enter', 'submit the decision'],
  ['u', 'undo the last decision while it is not yet committed'],
  ['?', 'this help'],
];

export function actionForKey(event) {
  const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(event.target?.tagName ?? '');
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) return 'submit';
  if (event.key === 'Escape') return 'escape';
  if (typing || event.ctrlKey || event.metaKey || event.altKey) return undefined;
  switch (event.key) {
    case 'a':
      return 'approve';
    case 'p':
      return 'keep-previous';
    case 'e':
      return 'correct';
    case 'n':
      return 'incomputable';
    case 'j':
    case 'ArrowDown':
    case 'ArrowRight':
      return 'next';
    case 'k':
    case 'ArrowUp':
    case 'ArrowLeft':
      return 'previous';
    case 'u':
      return 'undo';
    case '?':
      return 'help';
    default:
      return undefined;
  }
}

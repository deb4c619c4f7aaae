import { data } from 'react-router';

// Any path no other route matches: the root error boundary shows a translated 404 page.
export function loader() {
  throw data({ code: 'not_found' }, { status: 404 });
}

export function action() {
  throw data({ code: 'not_found' }, { status: 404 });
}

export default function NotFound() {
  return null;
}

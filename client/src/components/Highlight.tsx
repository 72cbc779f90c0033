import { parseHighlight } from '../lib/highlight';

/** A search result's matching passage, with the matches marked; rendered as text, never as HTML. */
export function Highlight({ html }: { html: string }) {
  return (
    <span className="highlight">
      {parseHighlight(html).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </span>
  );
}

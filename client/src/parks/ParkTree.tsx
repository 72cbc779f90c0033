import type { ParkTreeNode } from '../api/gaoxin-client';
import { useLang } from '../i18n/LangContext';

/** The "one zone, many parks" tree as nested lists, so screen readers announce its levels. */
export function ParkTree({ nodes }: { nodes: ParkTreeNode[] }) {
  const { t } = useLang();
  return (
    <ul className="park-tree">
      {nodes.map((node) => (
        <li key={node.code} data-code={node.code}>
          <span className="park-name">{node.name}</span>
          <span className="park-kind">{t.kind[node.kind]}</span>
          {node.accreditationLevel && <span className="park-level">{t.level[node.accreditationLevel]}</span>}
          {node.status && <span className={`park-status status-${node.status}`}>{t.status[node.status]}</span>}
          {node.children.length > 0 && <ParkTree nodes={node.children} />}
        </li>
      ))}
    </ul>
  );
}

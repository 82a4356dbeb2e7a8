import type { ReactNode } from 'react';

/** A table of rows under column headings, scrolling sideways on a narrow screen. */
export function ScrollingTable({ headings, label, children }: {
  headings: ReactNode[]; label?: string; children: ReactNode;
}) {
  return (
    <div className="table-scroll">
      <table aria-label={label}>
        <thead>
          <tr>
            {headings.map((heading, index) => <th key={index} scope="col">{heading}</th>)}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

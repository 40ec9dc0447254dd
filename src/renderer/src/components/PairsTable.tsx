// Name/value rows in their original order, duplicates kept (headers, query, form fields).
export function PairsTable({ pairs, testId, empty, nameLabel = 'Name' }: { pairs: [string, string][]; testId?: string; empty: string; nameLabel?: string }) {
  if (!pairs.length) return <p className="muted small">{empty}</p>;
  return (
    <table className="pairs" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{nameLabel}</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {pairs.map(([name, value], index) => (
          <tr key={index}>
            <td className="pairs-name">{name}</td>
            <td className="pairs-value">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

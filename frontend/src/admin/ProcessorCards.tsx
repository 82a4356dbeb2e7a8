import { useState } from 'react';
import { ActionOutcome } from '../ActionOutcome';
import { api } from '../api';
import { usePolled, useAction } from '../refresh';
import { ScrollingTable } from './ScrollingTable';
import { isOpen, rebuildSummary, type Rebuild } from '../rebuilds';
import { owners, type Letter, type Processor } from './operations';

/**
 * Projections and the other event processors: their state, lag and dead letters, and rebuilds of the projections
 * (read again beside the live tables, compared, swapped in or discarded). Polled every second while a rebuild runs.
 */
export function ProcessorCards() {
  const [rebuilding, setRebuilding] = useState(false);
  const everyMs = rebuilding ? 1000 : 3000;
  const rebuildsPolled = usePolled<Rebuild[]>('/api/admin/rebuilds', everyMs);
  const rebuilds = rebuildsPolled.data ?? [];
  const processorsPolled = usePolled<Processor[]>('/api/admin/processors', everyMs);
  if (rebuilds.some(isOpen) !== rebuilding) setRebuilding(!rebuilding);
  const processors = processorsPolled.data;
  const [letters, setLetters] = useState<{ processor: string; letters: Letter[] } | null>(null);
  const { outcome, run } = useAction();

  function reload() {
    rebuildsPolled.reload();
    processorsPolled.reload();
  }

  function act(path: string, done: string) {
    void run(async () => {
      await api('POST', path);
      reload();
    }, done);
  }

  async function lettersOf(processor: string) {
    setLetters({ processor, letters: await api<Letter[]>('GET', `/api/admin/processors/${processor}/dead-letters`) });
  }

  function showLetters(processor: string) {
    void run(() => lettersOf(processor));
  }

  function retryLetters(processor: string) {
    void run(async () => {
      const retried = await api<{ before: number; after: number }>(
        'POST',
        `/api/admin/processors/${processor}/dead-letters/retry`,
      );
      await lettersOf(processor);
      reload();
      return retried;
    }, (retried) => `Retried ${processor}: ${retried.before - retried.after} handled, ${retried.after} still failing.`);
  }

  function dropLetter(processor: string, eventId: string) {
    void run(async () => {
      await api('DELETE', `/api/admin/processors/${processor}/dead-letters/${eventId}`);
      await lettersOf(processor);
      reload();
    }, `Dropped event ${eventId} of ${processor}.`);
  }

  const open = (name: string) => rebuilds.some((rebuild) => rebuild.processor === name && isOpen(rebuild));
  const failed = processorsPolled.failed;

  return (
    <>
      <section className="card" aria-labelledby="rebuilds-heading">
        <h2 id="rebuilds-heading">Rebuilds</h2>
        <p className="hint">
          A rebuild reads every event again into tables beside a projection&apos;s live ones, which keep serving. Once
          it has caught up you see how the rebuilt tables differ and swap them in at once, or discard them. Sagas are
          never rebuilt, so no Discord message, clip or chat join comes of it.
        </p>
        <ActionOutcome outcome={outcome} />
        {failed && <p role="alert" className="error">The processors could not be loaded: {failed}</p>}
        {rebuilds.length === 0 ? (
          <p>No rebuild yet.</p>
        ) : (
          rebuilds.map((rebuild) => (
            <article key={rebuild.processor} className="rebuild" data-testid={`rebuild-${rebuild.processor}`}
              data-state={rebuild.state}>
              <h3>{rebuild.processor}</h3>
              {isOpen(rebuild) && (
                <progress max={1} value={rebuild.progress} aria-label={`Rebuild of ${rebuild.processor}`} />
              )}
              <p>{rebuildSummary(rebuild)}</p>
              {rebuild.state === 'READY' && rebuild.skipped.length > 0 && (
                <ul aria-label={`Events left out of ${rebuild.processor}`}>
                  {rebuild.skipped.map((event) => (
                    <li key={event.eventId}>
                      {event.eventType} {event.eventId}: {event.reason}
                    </li>
                  ))}
                </ul>
              )}
              {rebuild.state === 'READY' && rebuild.diff && (
                <>
                  <ScrollingTable label={`Differences in ${rebuild.processor}`}
                    headings={['Table', 'Live rows', 'Rebuilt rows', 'Added', 'Removed', 'Changed']}>
                    {rebuild.diff.map((table) => (
                      <tr key={table.table}>
                        <td>{table.table}</td>
                        <td>{table.liveRows}</td>
                        <td>{table.rebuiltRows}</td>
                        <td>{table.added}</td>
                        <td>{table.removed}</td>
                        <td>{table.changed}</td>
                      </tr>
                    ))}
                  </ScrollingTable>
                  {rebuild.diff.some((table) => table.samples.length > 0) && (
                    <details>
                      <summary>Some of the differing rows</summary>
                      {rebuild.diff.flatMap((table) =>
                        table.samples.map((sample, index) => (
                          <dl key={`${table.table}-${index}`} className="diff-sample">
                            <dt>{table.table}, live</dt>
                            <dd><code>{sample.live ?? '(none)'}</code></dd>
                            <dt>rebuilt</dt>
                            <dd><code>{sample.rebuilt ?? '(none)'}</code></dd>
                          </dl>
                        )),
                      )}
                    </details>
                  )}
                  <button
                    onClick={() =>
                      act(`/api/admin/processors/${rebuild.processor}/rebuild/confirm`, `Swapping ${rebuild.processor} in.`)
                    }
                  >
                    Swap in
                  </button>{' '}
                </>
              )}
              {(rebuild.state === 'BUILDING' || rebuild.state === 'READY') && (
                <button
                  className="secondary"
                  onClick={() =>
                    act(`/api/admin/processors/${rebuild.processor}/rebuild/discard`, `Discarded ${rebuild.processor}.`)
                  }
                >
                  Discard
                </button>
              )}
            </article>
          ))
        )}
      </section>
      <section className="card" aria-labelledby="processors-heading">
        <h2 id="processors-heading">Event processors</h2>
        {processors === null ? (
          <p aria-busy="true">Loading…</p>
        ) : (
          <ScrollingTable headings={['Processor', 'State', 'Segments', 'Lag', 'Dead letters',
            <span key="actions" className="visually-hidden">Actions</span>]}>
            {processors.map((processor) => (
              <tr key={processor.name}>
                <td>{processor.name}</td>
                <td>{processor.error ? 'error' : processor.running ? 'running' : 'stopped'}</td>
                <td title={owners(processor.segments)}>
                  {processor.segments.filter((segment) => segment.claimedHere).length} of{' '}
                  {processor.segments.length} here
                </td>
                <td>{processor.lag ?? '—'}</td>
                <td>
                  {processor.deadLetters > 0 ? (
                    <button className="link" onClick={() => showLetters(processor.name)}
                      aria-label={`Dead letters of ${processor.name}`}>
                      {processor.deadLetters}
                    </button>
                  ) : (
                    0
                  )}
                </td>
                <td>
                  {processor.rebuildable && !open(processor.name) && (
                    <button
                      className="secondary"
                      aria-label={`Rebuild ${processor.name}`}
                      onClick={() =>
                        act(`/api/admin/processors/${processor.name}/rebuild`, `Rebuilding ${processor.name}.`)
                      }
                    >
                      Rebuild
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </ScrollingTable>
        )}
        {letters && (
          <div data-testid="dead-letters">
            <h3>Dead letters of {letters.processor}</h3>
            {letters.letters.length === 0 ? (
              <p>None left.</p>
            ) : (
              <>
                <p className="hint">
                  An event waits behind an earlier dead letter of the same sequence (its aggregate). Retry once what
                  was missing exists; drop an event that can never be handled.
                </p>
                <ul>
                  {letters.letters.map((letter) => (
                    <li key={letter.eventId}>
                      <strong>{letter.eventType}</strong> of {letter.sequence}, since{' '}
                      {new Date(letter.enqueuedAt).toLocaleString()}: {letter.cause ?? 'waiting behind an earlier one'}{' '}
                      <button className="secondary" onClick={() => dropLetter(letters.processor, letter.eventId)}>
                        Drop
                      </button>
                    </li>
                  ))}
                </ul>
                <button onClick={() => retryLetters(letters.processor)}>Retry all</button>
              </>
            )}
          </div>
        )}
      </section>
    </>
  );
}

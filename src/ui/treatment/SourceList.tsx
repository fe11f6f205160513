/**
 * A numbered list of sources as the About dialog names them, each with its link: under a step's
 * caption and under a treatment's results and risks.
 */
import { SOURCES, type Source, type SourceKey } from '../../domain/sources.ts'

export function SourceList({ keys, testId }: { keys: readonly SourceKey[]; testId?: string }) {
  return (
    <ol className="sources" data-testid={testId}>
      {[...new Set(keys)].map((key) => {
        const source: Source = SOURCES[key]
        return (
          <li key={key}>
            {source.citation}
            {source.link && (
              <>
                {' '}
                <a href={source.link} target="_blank" rel="noopener noreferrer">{source.link}</a>
              </>
            )}
          </li>
        )
      })}
    </ol>
  )
}

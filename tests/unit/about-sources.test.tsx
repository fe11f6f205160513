/**
 * The About panel lists the references (peer-reviewed papers, official documents) apart from
 * the further reading (secondary web pages), and never the project's own fact sheet.
 */
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { AboutDialog } from '../../src/ui/AboutDialog.tsx'
import { SOURCES } from '../../src/domain/sources.ts'

const html = renderToStaticMarkup(<AboutDialog onClose={() => undefined} />)
const section = (testId: string): string => {
  const m = new RegExp(`<ol[^>]*data-testid="${testId}"[^>]*>(.*?)</ol>`).exec(html)
  if (!m) throw new Error(`no list ${testId}`)
  return m[1]!
}
const keysIn = (list: string): string[] => [...list.matchAll(/id="source-([^"]+)"/g)].map((m) => m[1]!)

describe('About panel sources', () => {
  it('lists every primary source under the references and every secondary one under further reading', () => {
    const byKind = (kind: string) => Object.entries(SOURCES).filter(([, s]) => s.kind === kind).map(([k]) => k)
    expect(keysIn(section('about-references'))).toEqual(byKind('primary'))
    expect(keysIn(section('about-further-reading'))).toEqual(byKind('secondary'))
    expect(html).toMatch(/<h3>References<\/h3>.*<ol[^>]*about-references.*<h3>Further reading<\/h3>.*<ol[^>]*about-further-reading/s)
  })

  it('does not list the project’s own fact sheet as a source', () => {
    for (const [key, s] of Object.entries(SOURCES)) if (s.kind === 'reference') expect(html).not.toContain(`source-${key}"`)
  })
})

import { useT } from '../../i18n/useT'
import { AnnotationList } from '../AnnotationList'
import { CommentThreads } from '../CommentThreads'
import { Section } from '../../fields/fields'

/** What hangs on any record: its annotations of every kind, and the comment threads on it. */
export function NotesAndComments({ targetId }: { targetId: string }) {
  const t = useT()
  return (
    <>
      <Section title={t('common.annotations')}>
        <AnnotationList targetId={targetId} />
      </Section>
      <div data-inspector-section="comments">
        <Section title={t('common.comments')}>
          <CommentThreads targetId={targetId} />
        </Section>
      </div>
    </>
  )
}

/**
 * React.lazy that can be tried again: a lazy component keeps its rejected import forever, so
 * "Try again" needs a new one. The attempts live with the loader, so every mount of a part
 * shares the latest attempt (ui/LazyPart.tsx, scene/ScenePart.tsx).
 */
import { lazy, useState, type ComponentType, type LazyExoticComponent } from 'react'

export interface RetryableLazy<P> {
  /** The current attempt's component, its number (a key for the part's boundary) and a retry. */
  useAttempt(): { Part: ComponentType<P>; attempt: number; retry: () => void }
}

export function retryableLazy<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): RetryableLazy<P> {
  const attempts: LazyExoticComponent<ComponentType<P>>[] = [lazy(load)]
  return {
    useAttempt() {
      const [attempt, setAttempt] = useState(attempts.length - 1)
      const retry = () => {
        attempts.push(lazy(load))
        setAttempt(attempts.length - 1)
      }
      return { Part: attempts[attempt]! as ComponentType<P>, attempt, retry }
    },
  }
}

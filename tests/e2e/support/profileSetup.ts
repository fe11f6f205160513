/** Set-up file of every e2e test file (vitest.e2e.config.ts): the profile's hooks, when E2E_PROFILE asks for them. */
import { installProfileHooks } from './profile.ts'

installProfileHooks()

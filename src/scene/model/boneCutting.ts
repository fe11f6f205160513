/** The cutting code that ./boneRemoval.ts loads on the first treatment that takes bone away. */
export { cutFor } from './boneCutClient.ts'
export { showCut } from './modelGeometry.ts'

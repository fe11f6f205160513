/** The cutting code that ./boneRemoval.ts loads on the first treatment that takes bone away. */
export { cutFor, pieceFor } from './boneCutClient.ts'
export { showCut } from './modelGeometry.ts'

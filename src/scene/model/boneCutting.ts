/** The cutting code that ./boneRemoval.ts loads on the first treatment that takes bone away. */
export { cutAhead, cutFor, pieceFor, readyCut, showUncut } from './boneCutClient.ts'
export { showCut } from './modelGeometry.ts'

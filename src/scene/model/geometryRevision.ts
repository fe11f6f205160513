/**
 * Counts the changes of the loaded model's geometry after load (a treatment's bone removal,
 * published by ./modelGeometry.ts, its one owner). What derives data from a structure's
 * geometry (a point on its surface, a copy of its triangles) subscribes to it and derives again.
 * Apart from the owner so that subscribing does not load the cutting code.
 */
import { create } from 'zustand'

export const useGeometryRevision = create<{ revision: number }>()(() => ({ revision: 0 }))

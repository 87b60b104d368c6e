import { BlueprintCell, BlueprintItemCard, BlueprintLaneHeader, BlueprintLine } from './BlueprintNodes'
import { EmotionCurve } from './EmotionCurveNode'
import { CellBackground, LaneHeader, PhaseHeader, StageHeader } from './HeaderNodes'
import { TouchpointCard } from './TouchpointCard'

/** Module-scope so React Flow never sees a new object and remounts every node. */
export const nodeTypes = {
  phase: PhaseHeader,
  stage: StageHeader,
  lane: LaneHeader,
  cell: CellBackground,
  touchpoint: TouchpointCard,
  curve: EmotionCurve,
  blueprintLane: BlueprintLaneHeader,
  blueprintCell: BlueprintCell,
  blueprintItem: BlueprintItemCard,
  blueprintLine: BlueprintLine,
}

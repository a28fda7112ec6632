// A two-finger pinch from pointer events: how far the fingers spread since the second one
// touched. No DOM of its own; the camera pane feeds it the preview's pointer events.

export class Pinch {
  private readonly points = new Map<number, {x: number; y: number}>();
  private start = 0;

  /** A finger down; true when it is the second, so a pinch starts. */
  down(event: PointerEvent): boolean {
    this.points.set(event.pointerId, {x: event.clientX, y: event.clientY});
    this.start = this.points.size === 2 ? this.distance() : 0;
    return this.start > 0;
  }

  /** A finger moved: the scale since the pinch started (2 = twice as far apart), or undefined. */
  move(event: PointerEvent): number | undefined {
    if (!this.points.has(event.pointerId)) return undefined;
    this.points.set(event.pointerId, {x: event.clientX, y: event.clientY});
    return this.start ? this.distance() / this.start : undefined;
  }

  /** A finger lifted or cancelled: the pinch ends. */
  up(event: PointerEvent) {
    this.points.delete(event.pointerId);
    this.start = 0;
  }

  private distance() {
    const [a, b] = [...this.points.values()];
    return Math.hypot(a.x - b.x, a.y - b.y) || 1;
  }
}

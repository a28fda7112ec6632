// The camera half of the sheet, loaded when a call may use the camera: pages that only pick
// from the album never fetch it.
export {CameraController, CameraStatus} from '../controllers/camera-controller.js';
export {cameraView} from '../views/camera-view.js';
export {default as styles} from '../views/camera-view.styles.js';

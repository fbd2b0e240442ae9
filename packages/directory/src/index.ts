export { API_PREFIX } from './api/index.js';

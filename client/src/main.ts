import './app/app-root.js';

// The staff UI with its stylesheet, loaded as its own chunk (see main.tsx).
import './styles.css';

export { App } from './App.js';

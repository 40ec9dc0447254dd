// Sandboxed preload (CommonJS): exposes the contract as window.hookbench and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge } from './bridge';

contextBridge.exposeInMainWorld('hookbench', buildBridge(ipcRenderer));

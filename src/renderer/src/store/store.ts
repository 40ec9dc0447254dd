// The one app store. Non-React code reads and writes it with getState()/setState().
import { create } from 'zustand';
import { initialState } from './initialState';
import type { AppState } from './types';

export const useAppStore = create<AppState>()(() => initialState());

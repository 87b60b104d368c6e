export * from './mapSession'
export * from './identity'
export * from './recentMaps'
export * from './api'

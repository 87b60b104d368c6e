export * from './MapSessionContext'
export * from './server'
export * from './feedbackSets'
export * from './documents'

/// Every role of the run store together: what the engine, which both reads and writes runs, is given.
public typealias RunStore = RunHistory & RunLedger & RunRetention

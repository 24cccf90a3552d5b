import BackSimCommands

BackSim.main()

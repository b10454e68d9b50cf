from graphload.launch import main

main()

from irohub.cli import main

main()

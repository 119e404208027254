from chatlint.cli import main

main()

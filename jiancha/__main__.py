from jiancha.cli import main

main()

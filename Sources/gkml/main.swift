print("gkml")

print("backsim")

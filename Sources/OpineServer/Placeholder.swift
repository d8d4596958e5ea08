public let _placeholder2 = 0

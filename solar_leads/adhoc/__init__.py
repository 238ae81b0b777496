"""adhoc"""

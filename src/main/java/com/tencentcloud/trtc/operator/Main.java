package com.tencentcloud.trtc.operator; public class Main { public static void main(String[] a) {} }

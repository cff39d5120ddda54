"""Line model coefficients, version 1: written by benchmarks/train_line_model.py from 246 pages of
146 tuned L3S-GN1 hosts. Do not edit by hand."""

MODEL = {
    "version": 1,
    "features": [
        'log_chars', 'stopwords', 'sentence', 'punctuation', 'digits', 'capitalised', 'link_words',
        'section_name', 'separators', 'comma', 'rule', 'site_line', 'prose', 'position', 'chars_before',
        'relative_length', 'prev_log_chars', 'next_log_chars', 'near_log_chars', 'wide_log_chars',
        'prev_stopwords', 'next_stopwords', 'near_stopwords', 'wide_stopwords', 'prev_sentence',
        'next_sentence', 'near_sentence', 'wide_sentence', 'prev_link_words', 'next_link_words',
        'near_link_words', 'wide_link_words', 'prev_prose', 'next_prose', 'near_prose', 'wide_prose',
    ],
    "mean": [
        3.02647, 0.145853, 0.15516, 0.0417292, 0.0216912, 0.681429, 0.104433, 0.137588, 0.0426056, 0.0616956,
        0.0940731, 0.0676008, 0.0708033, 0.5, 0.444418, 0.129744, 2.99178, 2.99972, 3.02457, 3.02547, 0.144377,
        0.144936, 0.145742, 0.14633, 0.15232, 0.154895, 0.154989, 0.156312, 0.101779, 0.102075, 0.104059,
        0.102511, 0.0699577, 0.0705723, 0.0707814, 0.0713892,
    ],
    "scale": [
        1.12113, 0.206116, 0.362057, 0.128838, 0.0964356, 0.370926, 0.252133, 0.344467, 0.201966, 0.189862,
        0.29193, 0.25106, 0.140542, 0.291397, 0.349719, 0.202378, 1.15228, 1.15398, 0.904734, 0.80278, 0.206,
        0.205981, 0.140316, 0.121987, 0.35933, 0.361804, 0.288844, 0.2466, 0.250164, 0.249395, 0.139423,
        0.112388, 0.14008, 0.140562, 0.11435, 0.0989565,
    ],
    "coef": [
        -0.0651941, 0.163546, 0.217337, 0.256768, -0.00915021, -0.182953, -2.72132, -1.05902, -0.26021,
        0.0783908, -0.931935, -1.12868, -0.273493, 0.437075, -1.25608, 0.48639, 0.135605, 0.121116, -0.491831,
        1.01681, -0.0321156, 0.202318, -0.454728, -0.48714, 0.0863146, -0.0481638, 0.795591, -0.081425,
        -0.207016, -0.171818, 0.125463, -0.0752232, 0.022162, -0.249274, 1.11232, 1.0108,
    ],
    "intercept": -5.25316,
    "threshold": 0.4,
}

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'pre_arrivals.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QTableView, QVBoxLayout, QWidget)

class Ui_PreArrivals(object):
    def setupUi(self, PreArrivals):
        if not PreArrivals.objectName():
            PreArrivals.setObjectName(u"PreArrivals")
        PreArrivals.resize(360, 480)
        self.main_layout = QVBoxLayout(PreArrivals)
        self.main_layout.setObjectName(u"main_layout")
        self.choice_layout = QHBoxLayout()
        self.choice_layout.setObjectName(u"choice_layout")
        self.choice_label = QLabel(PreArrivals)
        self.choice_label.setObjectName(u"choice_label")

        self.choice_layout.addWidget(self.choice_label)

        self.choice_combo = QComboBox(PreArrivals)
        self.choice_combo.setObjectName(u"choice_combo")
        self.choice_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.choice_layout.addWidget(self.choice_combo)

        self.choice_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.choice_layout.addItem(self.choice_spacer)


        self.main_layout.addLayout(self.choice_layout)

        self.expected_view = QTableView(PreArrivals)
        self.expected_view.setObjectName(u"expected_view")
        self.expected_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.expected_view.setAlternatingRowColors(True)
        self.expected_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.expected_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.expected_view.setWordWrap(False)
        self.expected_view.horizontalHeader().setStretchLastSection(True)
        self.expected_view.verticalHeader().setVisible(False)

        self.main_layout.addWidget(self.expected_view)

        self.status_label = QLabel(PreArrivals)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setWordWrap(True)

        self.main_layout.addWidget(self.status_label)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.import_button = QPushButton(PreArrivals)
        self.import_button.setObjectName(u"import_button")
        self.import_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.import_button)

        self.report_button = QPushButton(PreArrivals)
        self.report_button.setObjectName(u"report_button")
        self.report_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.report_button)

        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_layout.addItem(self.buttons_spacer)


        self.main_layout.addLayout(self.buttons_layout)

#if QT_CONFIG(shortcut)
        self.choice_label.setBuddy(self.choice_combo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.choice_combo, self.expected_view)
        QWidget.setTabOrder(self.expected_view, self.import_button)
        QWidget.setTabOrder(self.import_button, self.report_button)

        self.retranslateUi(PreArrivals)

        QMetaObject.connectSlotsByName(PreArrivals)
    # setupUi

    def retranslateUi(self, PreArrivals):
        self.choice_label.setText(QCoreApplication.translate("PreArrivals", u"S&how", None))
#if QT_CONFIG(accessibility)
        self.choice_combo.setAccessibleName(QCoreApplication.translate("PreArrivals", u"Which expected containers to show", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.expected_view.setAccessibleName(QCoreApplication.translate("PreArrivals", u"Expected containers", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.expected_view.setToolTip(QCoreApplication.translate("PreArrivals", u"Enter or a double click fills the registration form from the manifest", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.status_label.setAccessibleName(QCoreApplication.translate("PreArrivals", u"Expected and arrived", None))
#endif // QT_CONFIG(accessibility)
        self.status_label.setText("")
        self.import_button.setText(QCoreApplication.translate("PreArrivals", u"&Import manifest\u2026", None))
#if QT_CONFIG(tooltip)
        self.import_button.setToolTip(QCoreApplication.translate("PreArrivals", u"Import a CSV or XLSX manifest of expected containers (Ctrl+I)", None))
#endif // QT_CONFIG(tooltip)
        self.report_button.setText(QCoreApplication.translate("PreArrivals", u"T&rain report\u2026", None))
#if QT_CONFIG(tooltip)
        self.report_button.setToolTip(QCoreApplication.translate("PreArrivals", u"Manifested against arrived for the chosen train", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

